"""Paper out: the rendering machinery that knows no domain — the NĐ 30/2020 page of an official
document (nd30), Word templates with placeholders (docx), PDF pages with embedded fonts and QR
codes (pdf), registered document kinds with administrators' replacement templates (kinds) and
file responses streamed from a temporary file (responses). Imports no app."""
