"""One package per notebook, keyed like notebooks/NN_*.ipynb: helpers and figures that serve that lesson alone."""
