"""Stage 1-2: read a cable and cut it into paragraphs. Knows no questionnaire."""
