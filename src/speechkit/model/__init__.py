"""The document model: Speech and its parts, numbering (labels both ways), text, errors."""
