"""`evaluatie nieuw`: a new tender workspace from a list of gemeenten or an arbeidsmarktregio."""
