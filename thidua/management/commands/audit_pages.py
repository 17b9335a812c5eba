from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from thidua import page_audit


class Command(BaseCommand):
    help = (
        "Crawls the site as an anonymous visitor and as each account given (by default every "
        "active staff account: meant for the demo data), following links a few URLs per kind "
        "of page, and lists each kind of page with its status and queries against its bound "
        "(thidua/query_bounds.py). Fails when a page answers 5xx or runs over its bound."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", action="append", default=[], help="a username (repeatable)")
        parser.add_argument("--per-page", type=int, default=2, help="URLs per kind of page")

    def handle(self, *args, **options):
        users = get_user_model().objects.filter(is_active=True, is_staff=True).order_by("pk")
        if options["user"]:
            users = users.filter(username__in=options["user"])
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(ALLOWED_HOSTS=hosts):
            found = page_audit.audit(users, per_name=options["per_page"])
        visits = [visit for visits in found.values() for visit in visits]
        grouped = page_audit.by_name(visits)
        self.stdout.write(
            f"{'trang (tên URL)':<42} {'lượt':>5} {'truy vấn':>8} {'giới hạn':>8}  mã"
        )
        for name, group in sorted(grouped.items()):
            most = max(v.queries for v in group)
            statuses = ",".join(sorted({str(v.status) for v in group}))
            flag = "  VƯỢT" if any(v.over_bound for v in group) else ""
            self.stdout.write(
                f"{name[:42]:<42} {len(group):>5} {most:>8} {group[0].bound:>8}  {statuses}{flag}"
            )
        errors = [v for v in visits if v.status >= 500]
        over = [v for v in visits if v.over_bound]
        self.stdout.write(
            f"audit: pages={len(visits)} kinds={len(grouped)} errors={len(errors)} "
            f"over_bound={len(over)}"
        )
        if errors or over:
            raise CommandError(
                "; ".join(
                    [f"{v.url} trả mã {v.status}" for v in errors]
                    + [f"{v.url}: {v.queries} truy vấn (giới hạn {v.bound})" for v in over]
                )
            )
