// An explorer's figure in the page: a canvas that draws the frames the kernel sends, in order,
// and tells the kernel each time one is on the canvas, so the kernel sends the next picture only
// then (fast drags never pile up frames). A new view first asks for the whole picture, and asks
// again if a frame could not be drawn. A whole picture is a PNG (decoded off the main thread);
// a step's patches are raw RGBA, put onto the canvas as they arrive.

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  const context = canvas.getContext("2d");
  const problem = document.createElement("p");
  problem.setAttribute("role", "alert");
  problem.hidden = true;
  el.classList.add("course-figure");
  el.append(canvas, problem);
  const describe = () => canvas.setAttribute("aria-label", model.get("label"));
  describe();
  model.on("change:label", describe);
  const askForTheWholePicture = () => model.send({ hello: window.devicePixelRatio || 1 });

  let hasWholePicture = false;  // patches are drawn only over a whole picture
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
    hasWholePicture = true;
  };
  const putPatches = (frame, buffer) => {
    let offset = buffer.byteOffset;
    for (const [x, y, width, height] of frame.patches) {
      const bytes = new Uint8ClampedArray(buffer.buffer, offset, 4 * width * height);
      context.putImageData(new ImageData(bytes, width, height), x, y);
      offset += bytes.length;
    }
  };
  const draw = (frame, buffer) => {
    problem.hidden = true;
    if (frame.mode === "full") return drawWhole(frame, buffer);
    if (hasWholePicture) putPatches(frame, buffer);
  };
  let drawing = Promise.resolve();
  const receive = (message, buffers) => {
    if (message.type === "problem") {
      problem.textContent = message.text;
      problem.hidden = false;
      return;
    }
    if (message.type !== "frame") return;
    drawing = drawing
      .then(() => draw(message, buffers[0]))
      .catch((error) => {
        console.error("figure_view: a frame could not be drawn; asking for the whole picture", error);
        askForTheWholePicture();
      })
      .then(() => model.send({ drawn: message.number }));
  };
  model.on("msg:custom", receive);
  askForTheWholePicture();
  return () => model.off("msg:custom", receive);
}

export default { render };
