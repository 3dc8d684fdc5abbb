"""One module per report, named after its file in data/raw (``blitar_2020.py`` for
``blitar_2020.txt``): what each of its tables means. Data only; ``lkjip scaffold`` writes a
starting one. Found automatically by ``recipes.registry``."""
