"""Trained model artefacts shipped with fakeinvest (installed as ``fakeinvest.models``)."""
