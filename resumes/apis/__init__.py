"""Views of this app, one module per API surface; each view calls one service or selector."""
