"""The UI-free core: documents and loading, claims and links, sessions and exports."""
