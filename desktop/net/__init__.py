"""Talking to the register's inbox: the HTTP transport with signed requests, its retry policy
and the one error type (with bokmål and English messages) that every exchange ends in.

Shared by the clinic's sync (``desktop.sync``) and the staff pull and feedback
(``desktop.staff``), so that staff never import the clinic's client; an import-linter
contract keeps it so.
"""
