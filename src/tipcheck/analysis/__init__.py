"""Stage 3: align a reply to its questionnaire, read its numbering, cross-references and sub-questions."""
