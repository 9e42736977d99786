"""Packaging glue that pyproject.toml cannot express: ship ``resources/`` in the wheel.

The design card keeps resources at the top level; in an installed wheel they become the
package ``sjelden_resources`` (found by ``desktop.resources``). Everything else is declared in
pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desktop*"]), "sjelden_resources"],
    package_dir={"sjelden_resources": "resources"},
)
