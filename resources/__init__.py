"""The application's shipped data: form definitions, code lists, translations, letters, icons.

Installed as the package ``sjelden_resources`` (see ``desktop.resources``); it holds no code.
"""
