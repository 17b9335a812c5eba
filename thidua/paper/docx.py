"""Word documents from .docx templates holding Jinja placeholders (docxtpl).

Every render is strict: a placeholder the data does not have is an error, never a blank in an
official document. `check_template` renders a template against a kind's sample data and turns
what goes wrong into one Vietnamese sentence, so that a broken upload is refused with its reason."""

import re
import zipfile

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate


class TemplateProblem(ValueError):
    """A template that does not render; the message is Vietnamese, for the uploader."""


def _environment():
    # Autoescape: a «&» or «<» in a unit's name must not break the document's XML.
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)


def render_docx(source, context: dict, target) -> None:
    """Renders the template `source` (path or binary file) with `context` into `target`."""
    template = DocxTemplate(source)
    template.render(context, jinja_env=_environment(), autoescape=True)
    template.save(target)


_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")


def _near(error) -> str:
    lines = [line.strip() for line in getattr(error, "docx_context", None) or [] if line.strip()]
    return f" (gần đoạn: «{' '.join(lines)[:120]}»)" if lines else ""


def check_template(source, sample_context: dict, required=()) -> None:
    """Raises TemplateProblem unless `source` renders with `sample_context` and uses every
    placeholder in `required`."""
    fields = ", ".join(sorted(sample_context))
    try:
        template = DocxTemplate(source)
        used = template.get_undeclared_template_variables(_environment())
        template.render(sample_context, jinja_env=_environment(), autoescape=True)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise TemplateProblem("Tệp không phải là tài liệu Word (.docx) đọc được.") from error
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(
            f"Trường trộn viết sai cú pháp: {error.message}{_near(error)}."
        ) from error
    except jinja2.UndefinedError as error:
        match = _UNDEFINED.search(str(error)) or _NO_ATTRIBUTE.search(str(error))
        name = match.group(1) if match else str(error)
        raise TemplateProblem(
            f"Mẫu dùng trường «{name}» không có trong dữ liệu của loại văn bản này"
            f"{_near(error)}. Các trường có: {fields}."
        ) from error
    except jinja2.TemplateError as error:
        raise TemplateProblem(f"Mẫu không trộn được dữ liệu: {error}{_near(error)}.") from error
    missing = [name for name in required if name not in used]
    if missing:
        names = ", ".join(f"«{name}»" for name in missing)
        raise TemplateProblem(f"Mẫu thiếu trường bắt buộc {names}.")
