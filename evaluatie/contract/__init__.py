"""Stage after the award: the contract phase (register, intake, advice, stand, reports, dossier).

Everything starts from the final award (rapporten/gunning.json) and lives in one SQLite register
in the werkmap (contract/register.sqlite), so a contract manager can watch the allocation, the
framework maximum and supplier performance for the whole term from the same data the award used.
"""
