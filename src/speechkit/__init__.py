"""speechkit: write Chinese official speeches, critique outlines and notices from YAML facts."""
