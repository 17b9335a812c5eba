"""Role names, stored as auth groups. Scoping to a bloc and year comes from the user's unit."""

ADMINISTRATOR = "Quản trị hệ thống"
SECRETARIAT = "Thư ký Bộ"
BLOC_SECRETARIAT = "Thư ký khối"
BLOC_LEADER = "Cán bộ đơn vị khối trưởng"
REVIEWER = "Chuyên viên Vụ Thi đua - Khen thưởng"

ALL = [ADMINISTRATOR, SECRETARIAT, BLOC_SECRETARIAT, BLOC_LEADER, REVIEWER]
