"""The model runtimes' benchmarks: our path through each model against the raw library
(`models`), llama.cpp's CPU kernels per level (`kernels`), the embedder in a process of its
own (`e5_isolation`) and a lighter embedder as an option (`onnx_embedder`)."""
