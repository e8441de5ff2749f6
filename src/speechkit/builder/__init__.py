"""Facts → Speech (each section dispatched to its registered type) → laid-out paragraphs."""
