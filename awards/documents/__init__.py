"""Official documents built from the award records: tờ trình with its list, the council's
minutes, the decision's annex list, the achievement-report skeleton (Word, through
thidua.paper), and the certificates (PDF). The templates ship in awards/document_templates/."""
