from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Cursor pages in id order: stable while records are added, read from the primary key."""

    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_cursor_message = (
        "Con trỏ trang (cursor) không hợp lệ: hãy dùng đường dẫn «next» hay «previous» "
        "của trang trước."
    )
    # The schema's descriptions of the two parameters (DRF's own are English).
    cursor_query_description = (
        "Con trỏ trang: lấy từ đường dẫn «next» hay «previous» của trang trước, không tự tạo."
    )
    page_size_query_description = (
        f"Số bản ghi mỗi trang (mặc định {page_size}, tối đa {max_page_size})."
    )
