"""Archive mode: a newsroom's whole archive on Dask, into DuckDB, with a cross-article report.

Needs the ``archive`` extra (``pip install 'newslint[archive]'``): dask.distributed, DuckDB,
PyArrow, matplotlib and rich. Importing this package loads none of them.
"""
