import BundleGraph
import LinearSolver
import Testing
@testable import GLPKBackend
@testable import Response

/// The dispatch models of every sample scenario get GLPK's own scale factors from
/// `GLPKScaling`, bit for bit: the solves are those GLPK's `glp_scale_prob` gave.
@Suite struct GoodsModelScalingTests {
    @Test(arguments: SampleScenarioTests.bundles)
    func sampleDispatchModelsGetGLPKsFactors(bundle name: String) throws {
        let bundle = try SampleScenarioTests.load(name)
        let network = try BundleNetwork(bundle: bundle)
        for scenario in bundle.scenarios {
            var inputs = try ScenarioInputs(bundle: bundle, scenario: scenario, network: network, options: ResponseOptions())
            inputs.prepare()
            try inputs.route()
            let model = try GoodsDispatcher().model(for: inputs.goodsProblem()).model
            let ours = GLPKScaling(model: model)
            let glpk = GLPKProblem.referenceScaling(of: model)
            #expect(ours.rows == glpk.rows, "\(scenario.id)")
            #expect(ours.columns == glpk.columns, "\(scenario.id)")
            // Not the trivial case: these models are badly scaled (litres, tonnes, hours).
            #expect(ours.columns.contains { $0 != 1 }, "\(scenario.id)")
        }
    }
}
