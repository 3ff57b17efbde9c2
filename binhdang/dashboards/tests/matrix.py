"""Access matrix of the dashboard: aggregate-only pages, open to every role with
VIEW_AGGREGATE (the Ministry viewer included); the outsider has none (403)."""

from binhdang.core.testing import MatrixCase, expect

CASES = [
    MatrixCase("dashboards:department", expect(200, outsider=403)),
    MatrixCase("dashboards:chart", expect(200, outsider=403), args=lambda w: ["months"]),
]
