"""EnrollAgent (村医保征缴助手): the village agent's tool for the resident medical insurance collection."""

from ._version import __version__

__all__ = ["__version__"]
