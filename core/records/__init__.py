"""What is kept: repositories, workspaces and practitioners, drafts, import and export."""
