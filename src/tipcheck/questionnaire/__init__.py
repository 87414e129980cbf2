"""The questionnaire models: loading, choosing the one a reply answers, extracting, rendering, templates, diffs."""
