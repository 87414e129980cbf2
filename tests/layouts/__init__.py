"""The layout-invariance harness: labelled replies re-laid out in many layouts (see renderers.py)."""
