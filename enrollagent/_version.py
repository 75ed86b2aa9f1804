# The one place the version is written: pyproject.toml reads it (setuptools attr) and the frozen
# build, which has no package metadata, imports it like any module.
__version__ = "0.1.0"
