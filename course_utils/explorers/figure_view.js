// An explorer's figure in the page: a canvas that draws the frames the kernel sends, in order,
// and tells the kernel each time one is on the canvas, so the kernel sends the next picture only
// then (fast drags never pile up frames). A new view first asks for the whole picture.
// A whole picture is a PNG (decoded off the main thread); a step's patches are raw RGBA, put
// onto the canvas as they arrive.

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  const context = canvas.getContext("2d");
  el.classList.add("course-figure");
  el.appendChild(canvas);
  const describe = () => canvas.setAttribute("aria-label", model.get("label"));
  describe();
  model.on("change:label", describe);

  const drawWhole = async (frame, buffer) => {
    const picture = await createImageBitmap(new Blob([buffer], { type: "image/png" }));
    if (canvas.width !== frame.width || canvas.height !== frame.height) {
      canvas.width = frame.width;
      canvas.height = frame.height;
    }
    canvas.style.width = `${frame.width / frame.ratio}px`;
    canvas.style.height = `${frame.height / frame.ratio}px`;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(picture, 0, 0);
    picture.close();
  };
  const putPatches = (frame, buffer) => {
    let offset = buffer.byteOffset;
    for (const [x, y, width, height] of frame.patches) {
      const bytes = new Uint8ClampedArray(buffer.buffer, offset, 4 * width * height);
      context.putImageData(new ImageData(bytes, width, height), x, y);
      offset += bytes.length;
    }
  };
  let drawing = Promise.resolve();
  const receive = (message, buffers) => {
    if (message.type !== "frame") return;
    drawing = drawing
      .then(() => (message.mode === "full" ? drawWhole(message, buffers[0]) : putPatches(message, buffers[0])))
      .then(() => model.send({ drawn: message.number }))
      .catch((error) => console.error(error));
  };
  model.on("msg:custom", receive);
  model.send({ hello: window.devicePixelRatio || 1 });
  return () => model.off("msg:custom", receive);
}

export default { render };
