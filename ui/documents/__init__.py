"""Documents in the chart: attach, the client's documents, a page with the cited
passage highlighted, and the background reading's progress."""
