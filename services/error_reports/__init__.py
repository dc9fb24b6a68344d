"""Error reports from the public about a point's profile (报告信息有误): the public form
(forms, views), what happens to a report (handling), its admin (admin) and profile panel."""
