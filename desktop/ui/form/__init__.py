"""The registration form editor, built from the form definition (``RegistrationEditor``)."""

from desktop.ui.form.editor import RegistrationEditor

__all__ = ["RegistrationEditor"]
