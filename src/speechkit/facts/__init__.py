"""Facts YAML: reading with positions, the JSON Schema, sandboxed expressions, filters, statistics."""
