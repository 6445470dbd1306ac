import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import Response
import Testing

/// The rules dispatch and coverage share (docs/formats.md, "One truth across
/// commands") on a hand-checkable bundle.
///
/// Layout: township T (乙镇) with villages V1 and V2, every place on a road node, so
/// no access legs. Depot D and team F sit at node n1, one 60 km road at 60 km/h from
/// n2, where T, V1 and V2 are: 1 h. D holds 90 tents, loads at once (handling 0, lead
/// 0). F (flood, 10 people) mobilises in 30 min. The scenario's only incident starts
/// 2 h after the scenario and hits V2: 100 tents, 10 flood people. Targets 2 h / 10 h.
///
/// Worked by hand: a team can be at V2 at 2 + 0.5 + 1 = 3.5 h after the scenario
/// start (target 2 + 2 = 4 h: met). The tents leave at 2 h and arrive at 3 h, 90 of
/// 100: V2's basic-needs share is 0.9 and its relief is not met. Coverage at township
/// level must then judge T not met (its own nearest stock would reach it in 1 h), with
/// V2's team need at 3.5 h; V1, untouched, counts from the scenario start: team 1.5 h,
/// stock 1 h.
@Suite struct OneTruthTests {
    static func bundle() throws -> ReserveBundle {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-truth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("bundle.json", """
        {"schema_version":1,"name":"truth","description":"one truth across commands","default_policy":"p",
         "policies":[{"id":"p","name":"2 h / 10 h","source":"test","arrival_hours":2,"relief_hours":10}],
         "persons_per_household":3,"max_snap_km":5,
         "files":{"areas":"areas.csv","depots":"depots.csv","items":"items.csv","stock":"stock.csv","teams":"teams.csv",
                  "fleet":"fleet.csv","roads":"roads.csv","nodes":"nodes.csv","scenarios":["scenarios/s.json"]}}
        """)
        try write("areas.csv", """
        id,name,name_en,level,parent,population,lat,lon,hazards,major_risk_area
        C,城,City,city,,100000,40,116,flood:high,false
        T,乙镇,T,township,C,20000,40,116.5,flood:high,false
        V1,一村,V1,village,T,10000,40,116.5,flood:high,false
        V2,二村,V2,village,T,10000,40,116.5,flood:high,false

        """)
        try write("depots.csv", """
        id,name,level,area,lat,lon,owner,capacity_m3,capacity_tonnes,handling_hours,throughput_tonnes_per_hour,mode,lead_hours,contract_cap_tonnes,production_rate_tonnes_per_hour,ramp_up_hours,mutual_aid,mutual_aid_lead_hours
        D,一号库,city,C,40,116,局,1000,1000,0,1000,physical,0,,,0,false,

        """)
        try write("items.csv", """
        id,code,name,name_en,category,unit,unit_weight_kg,unit_volume_m3,shelf_life_days,unit_price_yuan,norm_per_person_day,norm_per_household,norm_per_incident,norm_source,criticality
        tent,1,帐篷,tent,relief,顶,50,0.2,,1000,0,0,0,test,1

        """)
        try write("stock.csv", "depot,item,quantity,unit,batch,received,expiry\nD,tent,90,顶,b1,2025-01-01,\n")
        try write("teams.csv", """
        id,name,kind,area,lat,lon,specialties,headcount,vehicles,mobilisation_minutes
        F,防汛队,professional,C,40,116,flood,10,2,30

        """)
        try write("fleet.csv", "depot,trucks,capacity_tonnes,capacity_m3,speed_factor\n")
        try write("nodes.csv", "id,lat,lon\nn1,40,116\nn2,40,116.5\n")
        try write("roads.csv", "from,to,length_km,class,speed_kmh,oneway\nn1,n2,60,county,60,false\n")
        try write("scenarios/s.json", """
        {"id":"s","name":"s","hazard":"flood","response_level":"II","start":"2025-07-01T08:00:00+08:00","season":"summer",
         "weight":1,"incidents":[{"id":"i","name":"i","hazard":"flood","start_offset_hours":2,
         "affected_areas":[{"area":"V2","affected_population":1000,"displaced_population":0,"relief_days":1,
                            "demands":[{"item":"tent","quantity":100}]}],
         "team_needs":[{"area":"V2","specialty":"flood","headcount":10}]}]}
        """)
        let loaded = try BundleReader.read(at: dir.path)
        let report = loaded.validate()
        #expect(!report.hasErrors, "\(report.errors.map(\.description))")
        return loaded.bundle
    }

    @Test func dispatchAndCoverageShareArrivalBasicNeedsAndTheAggregateRule() throws {
        let bundle = try Self.bundle()
        let network = try BundleNetwork(bundle: bundle)
        let response = try ResponsePlanner().respond(to: "s", in: bundle, network: network)
        // Dispatch: the fastest arrival includes the incident's 2 h offset.
        let fastest = try #require(response.fastestTeamArrivalHours.first ?? nil)
        #expect(abs(fastest - 3.5) < 1e-9)
        #expect(response.teams.outcomes.first?.met == true)
        let v2 = try #require(response.compliance.first { $0.area == "V2" })
        #expect(abs(v2.shareByDeadline - 0.9) < 1e-9)
        #expect(!v2.reliefMet && v2.fullyServedAtHours == nil)

        let analyzer = CoverageAnalyzer()
        let villages = try analyzer.coverage(of: "s", in: bundle, level: .village, network: network)
        let need = try #require(villages.areas.first { $0.area == "V2" }?.teamNeeds.first)
        #expect(need.fastestArrivalHours == fastest && abs(need.targetHours - 4) < 1e-9 && need.met)
        let v1 = try #require(villages.areas.first { $0.area == "V1" })
        #expect(!v1.affected && v1.teamNeeds.isEmpty)
        #expect(abs((v1.arrivalHours ?? 0) - 1.5) < 1e-9 && v1.arrivalMet)
        #expect(abs((v1.reliefHours ?? 0) - 1) < 1e-9 && v1.reliefMet)

        let townships = try analyzer.coverage(of: "s", in: bundle, level: .township, network: network)
        let t = try #require(townships.areas.first { $0.area == "T" })
        #expect(t.affected)
        #expect(!t.reliefMet && t.reliefHours == nil)
        #expect(t.arrivalHours == fastest && t.arrivalMet)
        #expect(townships.populationShareWithinRelief == 0)
    }
}
