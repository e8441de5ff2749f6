"""The front ends: the command line, import, batch and mail merge, serve, mcp, fonts."""
