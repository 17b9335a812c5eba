import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import UnitFactory, UnitNameFactory
from units.models import Unit

pytestmark = pytest.mark.django_db


def test_unit_cannot_be_its_own_parent():
    unit = UnitFactory()
    unit.parent = unit
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert "Đơn vị không thể là cấp trên của chính nó." in excinfo.value.message_dict["parent"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.filter(pk=unit.pk).update(parent=unit)


def test_unit_tree_cycle_refused():
    top = UnitFactory()
    middle = UnitFactory(parent=top)
    bottom = UnitFactory(parent=middle)
    top.parent = bottom
    with pytest.raises(ValidationError) as excinfo:
        top.full_clean()
    assert excinfo.value.message_dict["parent"] == ["Cây đơn vị không được tạo vòng lặp."]


def test_unit_cannot_succeed_itself():
    unit = UnitFactory()
    unit.successor = unit
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert excinfo.value.message_dict["successor"] == ["Đơn vị không thể kế thừa chính nó."]


def test_active_years_must_be_ordered():
    unit = UnitFactory.build(active_from=2020, active_until=2010)
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert "Năm kết thúc hoạt động phải sau năm bắt đầu." in str(excinfo.value)


def test_name_in_a_year_reads_the_name_history():
    unit = UnitFactory(name="Cục Mới")
    UnitNameFactory(unit=unit, name="Cục Cũ", valid_from=2010, valid_until=2017)
    assert unit.name_in(2015) == "Cục Cũ"
    assert unit.name_in(2020) == "Cục Mới"
    assert unit.name_in(None) == "Cục Mới"


def test_search_text_is_folded_on_save():
    unit = UnitFactory(name="Ban Quản lý Khu Công nghệ cao Hòa Lạc")
    assert list(Unit.objects.search("hoa lac")) == [unit]
    assert list(Unit.objects.search("HÒA LẠC ban")) == [unit]
    assert not Unit.objects.search("hoa binh").exists()
