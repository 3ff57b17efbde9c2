"""The organisation tree at national scale: 50,000 units (1 Ministry, 34 Departments of
Education and Training, ~1,470 schools and units each).

A department secretariat is granted on one department; for each figure the same rows are
read twice in the same run, through the access policy and by a plain query:

- tree_subtree_list: the first page of the unit list (50 rows ordered by name) of the
  department's subtree, `policy.units_for(user)` vs `OrgUnit.objects.filter(parent=dept)`;
- policy_filter_count: the number of units in that subtree, `policy.restrict(...).count()`
  vs the plain filter's count;
- tree_search_list: the list page's diacritic-free search ("ngo quyen") within the reach,
  vs the same search over the department's children (plain);
- tree_grant_lookup: the one query per request that loads the user's grants (cached on the
  user for the rest of the request).

Ratio = policy / plain (lower is better; the goal is 1.5 or less on PostgreSQL). The
EXPLAIN of the policy query goes to stderr. With a DATABASE_URL that is not PostgreSQL the
module still runs (on SQLite) and says so on stderr.
"""

from __future__ import annotations

import sys

from django.db import connection

from bench.common import bench_database, national_tree, timeit

REPEAT = 30
PAGE = 50


def _explain(queryset) -> str:
    if connection.vendor != "postgresql":
        return ""
    return queryset.explain()


def run(report) -> None:
    from binhdang.accounts import policy
    from binhdang.accounts.choices import Role
    from binhdang.accounts.models import OrgUnit, RoleGrant, User
    from binhdang.accounts.selectors.units import unit_search

    with bench_database():
        if connection.vendor != "postgresql":
            print(
                f"# bench_tree: running on {connection.vendor} (DATABASE_URL is not "
                "PostgreSQL); the 1.5x goal is for PostgreSQL",
                file=sys.stderr,
            )
        tree = national_tree()
        department = tree.departments[len(tree.departments) // 2]
        user = User.objects.create(username="bench.thuky", full_name="Bench Thư Ký")
        RoleGrant.objects.create(user=user, unit_id=department, role=Role.SECRETARIAT)
        policy.forget(user)

        def scoped_page():
            return list(policy.units_for(user).order_by("name", "pk")[:PAGE])

        def plain_page():
            return list(OrgUnit.objects.filter(parent_id=department).order_by("name", "pk")[:PAGE])

        def scoped_count():
            return policy.restrict(OrgUnit.objects.all(), user, policy.Action.VIEW, via="").count()

        def plain_count():
            return OrgUnit.objects.filter(parent_id=department).count()

        def scoped_search():
            return list(unit_search(user, q="ngo quyen")[:PAGE])

        def plain_search():
            return list(
                OrgUnit.objects.filter(parent_id=department, search_text__contains="ngo")
                .filter(search_text__contains="quyen")
                .select_related("parent")
                .order_by("name", "pk")[:PAGE]
            )

        # Same rows, apart from the department itself (in its own subtree).
        assert scoped_count() == plain_count() + 1, (scoped_count(), plain_count())
        assert len(scoped_page()) == len(plain_page()) == PAGE
        print(
            "# EXPLAIN policy page:\n" + _explain(policy.units_for(user).order_by("name")[:PAGE]),
            file=sys.stderr,
        )
        print(
            "# EXPLAIN policy filter:\n" + _explain(policy.units_for(user).order_by()),
            file=sys.stderr,
        )

        for name, scoped, plain in (
            ("tree_subtree_list", scoped_page, plain_page),
            ("policy_filter_count", scoped_count, plain_count),
            ("tree_search_list", scoped_search, plain_search),
        ):
            plain_ms = timeit(plain, repeat=REPEAT)
            scoped_ms = timeit(scoped, repeat=REPEAT)
            report(name, scoped_ms, "ms", ratio=scoped_ms / plain_ms)

        def grant_lookup():
            policy.forget(user)
            return policy.paths_for(user)

        report("tree_grant_lookup", timeit(grant_lookup, repeat=REPEAT), "ms")
