"""Headline-level models. :mod:`kronik.headlines.clickbait` scores Indonesian news headlines for clickbait."""

from kronik.headlines.clickbait import evaluate, load_model, score, train

__all__ = ["evaluate", "load_model", "score", "train"]
