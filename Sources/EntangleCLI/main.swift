import EntangleCommandLine

EntangleCommand.main()
