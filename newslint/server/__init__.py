"""newslint as a service: HTTP API, editors' page and LanguageTool-compatible endpoint.

Needs the ``server`` extra (``pip install 'newslint[server]'``): Starlette and uvicorn.
Importing this package loads neither; :mod:`newslint.server.app` does.
"""
