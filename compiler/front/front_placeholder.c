/* front_placeholder.c - temporary: keeps the layer's library non-empty until its sources land. */
