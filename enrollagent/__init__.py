"""EnrollAgent (村医保征缴助手): the village agent's tool for the resident medical insurance collection."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("enrollagent")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
