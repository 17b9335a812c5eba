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

    def get_paginated_response_schema(self, schema):
        # DRF's envelope names an example site's /accounts/ and says nothing of its fields.
        answer = super().get_paginated_response_schema(schema)
        fields = answer["properties"]
        texts = {
            "next": "Đường dẫn trang sau (null nếu đây là trang cuối).",
            "previous": "Đường dẫn trang trước (null nếu đây là trang đầu).",
        }
        for name, text in texts.items():
            fields[name]["description"] = text
            fields[name]["example"] = f"https://…/api/v1/…/?{self.cursor_query_param}=cD00ODY%3D"
        fields["results"] = {**schema, "description": "Các bản ghi của trang."}
        return answer
