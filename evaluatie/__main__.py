from evaluatie.cli import opdrachtregel

opdrachtregel()
