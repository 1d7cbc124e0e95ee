// the scores grid of the editor (issue 23): written next
