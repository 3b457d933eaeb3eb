"""Population audit of low-value staging imaging (ASCO Choosing Wisely): one Ibis measure, two engines.

Optional dependencies (``pip install 'rightscan[audit]'``): Ibis with DuckDB, PySpark, Altair and
vl-convert. Import ``rightscan.audit.run`` and friends lazily; this package imports nothing heavy.
"""
