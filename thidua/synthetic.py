"""Synthetic data for benchmarks (`manage.py generate_data`), built with bulk operations.

Each app's `synthetic.py` registers a generator with `@generator`; they run in INSTALLED_APPS order
(units, blocs, awards) and share a `Context` holding the plan and the ids made so far. Apps may
also register the pages the benchmark measures with `@bench_pages`.
"""

import random
import sys
import time
from dataclasses import dataclass, field

SYNTHETIC_PREFIX = "syn-"

FAMILY_NAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE_NAMES = ["Văn", "Thị", "Hữu", "Đức", "Thu", "Minh", "Ngọc", "Quang", "Thanh", "Hồng"]
GIVEN_NAMES = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hằng",
    "Hòa",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quất",
    "Sơn",
    "Tùng",
    "Uyên",
    "Việt",
    "Xuân",
    "Yến",
]
PLACE_WORDS = [
    "Hòa Lạc",
    "Đà Nẵng",
    "Cần Thơ",
    "Hải Phòng",
    "Huế",
    "Nghệ An",
    "Thái Nguyên",
    "Quảng Ninh",
    "Lâm Đồng",
    "Bình Định",
    "Đồng Nai",
    "Sơn La",
    "Hà Giang",
    "Cà Mau",
]
FIELD_WORDS = [
    "Công nghệ sinh học",
    "Năng lượng nguyên tử",
    "Sở hữu trí tuệ",
    "Đo lường",
    "Tiêu chuẩn chất lượng",
    "Thông tin khoa học",
    "Đổi mới sáng tạo",
    "Vật liệu mới",
    "Khí tượng",
    "Tự động hóa",
    "Công nghệ cao",
    "Ứng dụng công nghệ",
]


@dataclass
class Plan:
    units: int = 5_000
    organisers: int = 40
    blocs: int = 300
    years: int = 30
    last_year: int = 2025
    events: int = 20_000
    people: int = 200_000
    nominations: int = 1_000_000
    batch_size: int = 5_000
    seed: int = 2026

    @property
    def first_year(self):
        return self.last_year - self.years + 1


@dataclass
class Context:
    plan: Plan
    rng: random.Random
    ids: dict = field(default_factory=dict)
    out: object = sys.stderr


_generators = []
_bench_pages = []
_exists_checks = []


def exists_check(func):
    """`func() -> bool`: True when this app already holds synthetic rows."""
    if func not in _exists_checks:
        _exists_checks.append(func)
    return func


def exists():
    return any(check() for check in _exists_checks)


def generator(func):
    if func not in _generators:
        _generators.append(func)
    return func


def generators():
    return list(_generators)


def bench_pages(func):
    """`func() -> list[(label, path, account | None)]`, read once the data exists.

    `account` is a username, or a role name of thidua.roles (some active user holding it signs
    in); None for an anonymous visitor.
    """
    if func not in _bench_pages:
        _bench_pages.append(func)
    return func


def bench_page_providers():
    return list(_bench_pages)


def admin_changelists():
    """Every changelist of the admin site, as the synthetic administrator sees it."""
    from django.contrib import admin
    from django.urls import reverse

    return [
        (
            f"Quản trị: {model._meta.verbose_name_plural}",
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
            f"{SYNTHETIC_PREFIX}admin",
        )
        for model in admin.site._registry
    ]


def all_bench_pages():
    return [page for func in _bench_pages for page in func()]


class Progress:
    """A one-line progress bar on stderr, so long runs show where they are."""

    def __init__(self, label, total, out=sys.stderr):
        self.label, self.total, self.out = label, max(total, 1), out
        self.done, self.started, self.last_draw = 0, time.monotonic(), 0.0

    def advance(self, count):
        self.done += count
        now = time.monotonic()
        if now - self.last_draw > 0.5 or self.done >= self.total:
            self.last_draw = now
            width = 30
            filled = int(width * min(self.done, self.total) / self.total)
            self.out.write(
                f"\r{self.label:<28} [{'#' * filled}{'.' * (width - filled)}] "
                f"{self.done:>9,}/{self.total:,} {now - self.started:6.1f}s"
            )
            if self.done >= self.total:
                self.out.write("\n")
            self.out.flush()


def bulk_insert(model, rows, ctx: Context, label=None):
    """bulk_create `rows` (an iterable of unsaved instances) in batches, with progress.

    Returns the created instances (with primary keys on PostgreSQL and SQLite >= 3.35).
    """
    rows = list(rows)
    progress = Progress(label or model._meta.verbose_name_plural, len(rows), ctx.out)
    created = []
    size = ctx.plan.batch_size
    for start in range(0, len(rows), size):
        batch = rows[start : start + size]
        created.extend(model.objects.bulk_create(batch, batch_size=size))
        progress.advance(len(batch))
    return created
