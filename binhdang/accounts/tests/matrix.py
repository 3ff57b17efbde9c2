from binhdang.core.testing import MatrixCase, expect

CASES = [
    MatrixCase("home", expect(200)),
]
