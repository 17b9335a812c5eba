"""The choices of the awards app, in one place."""

from django.db import models


class AwardCategory(models.TextChoices):
    TITLE = "danh_hieu", "Danh hiệu thi đua"
    FORM = "hinh_thuc", "Hình thức khen thưởng"


class AwardLevel(models.TextChoices):
    STATE = "nha_nuoc", "Nhà nước"
    GOVERNMENT = "chinh_phu", "Chính phủ"
    MINISTRY = "bo", "Bộ"
    GRASSROOTS = "co_so", "Cơ sở"


class RecipientKind(models.TextChoices):
    UNIT = "unit", "Tập thể"
    PERSON = "person", "Cá nhân"
    BOTH = "both", "Tập thể hoặc cá nhân"


class RuleKind(models.TextChoices):
    PREREQUISITE_AWARD = "prerequisite_award", "Điều kiện: đã có khen thưởng khác"
    BLOC_LEADER = "bloc_leader", "Điều kiện: dẫn đầu khối thi đua"
    QUOTA_PER_BLOC = "quota_per_bloc", "Số lượng tối đa mỗi khối trong năm"
    QUOTA_SHARE = "quota_share", "Tỷ lệ tối đa"
    CONSECUTIVE = "consecutive", "Thành tích liên tục nhiều năm"
    COUNCIL_VOTE = "council_vote", "Tỷ lệ phiếu Hội đồng"
    COUNCIL_QUORUM = "council_quorum", "Số thành viên Hội đồng có mặt tối thiểu"
    NO_DOUBLE_REWARD = "no_double_reward", "Không khen thưởng trùng"


class ShareBase(models.TextChoices):
    REQUIRED_TYPES = (
        "required_types",
        "Số đối tượng được đề nghị/tặng các loại khen thưởng điều kiện",
    )
    BLOC_LEADERS = "bloc_leaders", "Số tập thể dẫn đầu các khối thi đua"


class VoteBase(models.TextChoices):
    COUNCIL_SIZE = "council_size", "Tổng số thành viên Hội đồng"
    PRESENT = "present", "Số thành viên có mặt"


class Status(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    SUBMITTED = "submitted", "Đã gửi"
    IN_REVIEW = "in_review", "Đang thẩm định"
    RETURNED = "returned", "Trả lại để bổ sung"
    # Named for what it is: a reviewer's recommendation. «Hội đồng đề nghị» is said only after a
    # council vote passed (Nomination.status_label, from the recorded council_endorsed fact).
    RECOMMENDED = "recommended", "Đã đề nghị khen thưởng"
    FORWARDED = "forwarded", "Đã trình cấp trên"
    GRANTED = "granted", "Đã được khen thưởng"
    REJECTED = "rejected", "Không đề nghị"
    WITHDRAWN = "withdrawn", "Đã rút"
    REVOKED = "revoked", "Đã bị thu hồi"

    @classmethod
    def open_states(cls):
        """Still moving through the workflow."""
        return [
            cls.DRAFT,
            cls.SUBMITTED,
            cls.IN_REVIEW,
            cls.RETURNED,
            cls.RECOMMENDED,
            cls.FORWARDED,
        ]

    @classmethod
    def final_states(cls):
        return [cls.GRANTED, cls.REJECTED, cls.WITHDRAWN, cls.REVOKED]

    @classmethod
    def pending_states(cls):
        """Sent by the bloc and not yet decided: these count toward quotas and prerequisites."""
        return [cls.SUBMITTED, cls.IN_REVIEW, cls.RETURNED, cls.RECOMMENDED, cls.FORWARDED]

    @classmethod
    def review_states(cls):
        """What the reviewer's queue shows."""
        return [cls.SUBMITTED, cls.IN_REVIEW, cls.RECOMMENDED, cls.FORWARDED]

    @classmethod
    def editable_states(cls):
        """The bloc may still edit the dossier."""
        return [cls.DRAFT, cls.RETURNED]


class Action(models.TextChoices):
    """The steps a nomination's log records (awards.services)."""

    CREATE = "create", "Tạo hồ sơ"
    SUBMIT = "submit", "Gửi hồ sơ"
    WITHDRAW = "withdraw", "Rút hồ sơ"
    START_REVIEW = "start_review", "Bắt đầu thẩm định"
    RETURN = "return", "Trả lại"
    RECOMMEND = "recommend", "Đề nghị khen thưởng"
    REJECT = "reject", "Không đề nghị"
    FORWARD = "forward", "Trình cấp trên"
    GRANT = "grant", "Khen thưởng theo quyết định"
    REVOKE = "revoke", "Thu hồi khen thưởng"
    COUNCIL_VOTE = "council_vote", "Ghi kết quả bỏ phiếu Hội đồng"
    OVERRIDE = "override", "Cho phép ngoại lệ quy định"
    IMPORT = "import", "Nhập hồ sơ lịch sử"
    ASSIGN = "assign", "Giao người thẩm định khác đơn vị"


class DecisionKind(models.TextChoices):
    GRANT = "grant", "Quyết định khen thưởng"
    REVOKE = "revoke", "Quyết định thu hồi, hủy bỏ khen thưởng"
