"""Running many articles: the one worker and local engine (:mod:`.local`), the Dask engine (:mod:`.dask_engine`)."""
