"""``newslint lsp``: a language server for Markdown and plain-text copy.

Needs the ``lsp`` extra (``pip install 'newslint[lsp]'``): pygls. Importing this package
loads nothing; :mod:`newslint.lsp.server` does.
"""
